package org.consilium.bpmn;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The second-opinion process: Camunda 7 engine, inbox for incoming events, commands sent after commit. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Consilium bpmn", version = "v1",
        description = "Own endpoints of the process service (the engine's REST API is under /engine-rest)"))
@EnableScheduling
@ConfigurationPropertiesScan
public class BpmnApplication {

    public static void main(String[] args) {
        SpringApplication.run(BpmnApplication.class, args);
    }
}
