package org.kehou.platform.internal;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every rule asks for the time: Asia/Shanghai. Tests replace it with a fixed one. */
@Configuration
class ClockConfiguration {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(SHANGHAI);
    }
}
