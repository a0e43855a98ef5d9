package org.kehou.platform.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The user's language (zh-CN unless they chose English; an API client without the choice by its Accept-Language),
 * scope injection into controllers and scheduled jobs.
 */
@Configuration
@EnableScheduling
class PlatformConfiguration implements WebMvcConfigurer {

    private final ScopeArgumentResolver scopeResolver;

    PlatformConfiguration(ScopeArgumentResolver scopeResolver) {
        this.scopeResolver = scopeResolver;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("kehou-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        // pages stay Chinese until the user picks English; API clients without the cookie ask by Accept-Language
        resolver.setDefaultLocaleFunction(
                request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                                && request.getHeader("Accept-Language") != null
                        ? request.getLocale()
                        : Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(scopeResolver);
    }
}
