package org.kehou.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxHandlerInterceptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.handler.MappedInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Pages keep the htmx interceptor; API requests run without it. */
@KehouTest
class HtmxForPagesOnlyTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void pagesGetTheHtmxInterceptorAndTheApiDoesNot() throws Exception {
        assertThat(htmxOn("GET", "/school/classes")).isTrue();
        assertThat(htmxOn("GET", "/guardian")).isTrue();
        assertThat(htmxOn("POST", "/api/v1/enrollments")).isFalse();
        assertThat(htmxOn("GET", "/api/v1/schools/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/offerings"))
                .isFalse();
    }

    private boolean htmxOn(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType("application/json");
        var chain = mappings.getHandler(request);
        assertThat(chain).as(path).isNotNull();
        List<HandlerInterceptor> interceptors = chain.getInterceptorList();
        return interceptors.stream()
                .map(i -> i instanceof MappedInterceptor m ? m.getInterceptor() : i)
                .anyMatch(i -> i instanceof HtmxHandlerInterceptor);
    }
}
