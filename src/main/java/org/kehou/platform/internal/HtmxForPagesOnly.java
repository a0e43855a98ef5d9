package org.kehou.platform.internal;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxHandlerInterceptor;
import java.lang.reflect.Field;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Keeps the htmx library's interceptor to pages. The library registers it for every handler, and on every request
 * it looks up each of its response annotations on the handler method; on an API method with its OpenAPI annotations
 * that was about a quarter of a registration request's time, for headers no API client reads. The library offers no
 * setting for it and its registration is not a bean, so once the handler mappings are built its interceptor is
 * wrapped to skip {@code /api/**}. Should a framework version lack the list this relies on, nothing is changed.
 */
@Component
class HtmxForPagesOnly implements SmartInitializingSingleton {

    static final String[] API = {"/api/**"};

    private final List<AbstractHandlerMapping> mappings;

    HtmxForPagesOnly(List<AbstractHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Field adapted = ReflectionUtils.findField(AbstractHandlerMapping.class, "adaptedInterceptors", List.class);
        if (adapted == null) {
            return;
        }
        ReflectionUtils.makeAccessible(adapted);
        for (AbstractHandlerMapping mapping : mappings) {
            @SuppressWarnings("unchecked")
            List<HandlerInterceptor> interceptors =
                    (List<HandlerInterceptor>) ReflectionUtils.getField(adapted, mapping);
            if (interceptors != null) {
                interceptors.replaceAll(
                        i -> i instanceof HtmxHandlerInterceptor htmx ? new MappedInterceptor(null, API, htmx) : i);
            }
        }
    }
}
