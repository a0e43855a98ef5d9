package org.kehou;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Kehou (课后): the after-school service platform of a city and its county bureaus. */
@SpringBootApplication
public class KehouApplication {

    public static void main(String[] args) {
        SpringApplication.run(KehouApplication.class, args);
    }
}
