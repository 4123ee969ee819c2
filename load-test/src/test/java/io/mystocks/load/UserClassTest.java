package io.mystocks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserClassTest {

    @Test
    void splitsTheSeedsUsersInProportionToTheirTaskExecutions() {
        Map<UserClass, Integer> split = UserClass.split(500);

        assertThat(split.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(500);
        assertThat(split).containsEntry(UserClass.MARKET_DATA, 128).containsEntry(UserClass.INDICATORS, 127)
                .containsEntry(UserClass.CACHE, 128).containsEntry(UserClass.STRATEGY, 63)
                .containsEntry(UserClass.GENERAL, 54);
    }

    @Test
    void givesEveryClassAUserWhenThereAreEnough() {
        Map<UserClass, Integer> split = UserClass.split(6);

        assertThat(split.values()).allMatch(count -> count >= 1);
        assertThat(split.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
    }

    @Test
    void coversEveryTaskOfTheSeedExactlyOnce() {
        long tasks = Arrays.stream(UserClass.values()).mapToLong(userClass -> userClass.tasks().size()).sum();

        assertThat(tasks).isEqualTo(Route.values().length - 2);
    }
}
