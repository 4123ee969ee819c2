package io.mystocks.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mystocks.contracts.ParentWatch.Verdict;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParentWatchTest {

    @Test
    void aLauncherThatAnswersIsAliveWithoutLookingFurther() {
        AtomicInteger looked = new AtomicInteger();
        assertThat(ParentWatch.verdict(true, true, () -> looked.incrementAndGet() > 0)).isEqualTo(Verdict.ALIVE);
        assertThat(looked).hasValue(0);
    }

    @Test
    void aFailedCheckOfALauncherStillListedDoesNotEndTheService() {
        assertThat(ParentWatch.verdict(false, true, () -> true)).isEqualTo(Verdict.UNCERTAIN);
    }

    @Test
    void aLauncherNoLongerListedIsGone() {
        assertThat(ParentWatch.verdict(false, true, () -> false)).isEqualTo(Verdict.GONE);
    }

    @Test
    void withoutProcTheProcessHandleDecides() {
        assertThat(ParentWatch.verdict(false, false, () -> true)).isEqualTo(Verdict.GONE);
    }

    @Test
    void procListsARunningProcessAndNotOneThatEnded() throws Exception {
        assumeTrue(ParentWatch.hasProc(), "this system has no /proc");
        assertThat(ParentWatch.listed(ProcessHandle.current().pid())).isTrue();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long pid = ended.pid();
        // The JVM reaps its children, so once waitFor returned the pid is no longer listed.
        assertThat(ParentWatch.listed(pid)).isFalse();
        assertThat(ParentWatch.verdict(ended.toHandle().isAlive(), true, () -> ParentWatch.listed(pid)))
                .isEqualTo(Verdict.GONE);
    }
}
