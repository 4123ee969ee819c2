package io.mystocks.api.docs;

import com.fasterxml.jackson.databind.JavaType;
import io.mystocks.api.web.Envelope;
import io.mystocks.api.web.Reply;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;

/**
 * Documents a {@link Reply} of {@code T} as what is written for it: the envelope with {@code T} as its data,
 * the schema an {@link Envelope} of {@code T} gets. Spring's own wrappers (Mono, ResponseEntity) are unwrapped
 * before this converter sees the type.
 */
final class ReplySchemas implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = Json.mapper().constructType(type.getType());
        if (javaType != null && Reply.class.equals(javaType.getRawClass())) {
            JavaType envelope = Json.mapper().getTypeFactory().constructParametricType(Envelope.class,
                    javaType.containedTypeOrUnknown(0));
            return context.resolve(new AnnotatedType(envelope).jsonViewAnnotation(type.getJsonViewAnnotation())
                    .ctxAnnotations(type.getCtxAnnotations()).resolveAsRef(true));
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
