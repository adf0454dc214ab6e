package org.consilium.mdt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Specialists, panels, sessions, individual opinions and the consensus of a case's MDT review. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MdtSchedulerApplication {
    public static void main(String[] args) {
        SpringApplication.run(MdtSchedulerApplication.class, args);
    }
}
