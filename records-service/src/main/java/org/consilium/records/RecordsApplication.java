package org.consilium.records;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Record collection: the checklist per case, streamed uploads into GridFS, completeness. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RecordsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecordsApplication.class, args);
    }
}
