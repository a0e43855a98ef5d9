package org.kehou.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on an in-memory embedded database holding the demo city, with MockMvc. All tests with
 * this annotation share one context; they create what they change under their own names. Its clock is the
 * {@link SchoolDayClock}: "today" is a school day of the demo term, whatever the real date.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SchoolDayClock.class)
public @interface KehouTest {}
