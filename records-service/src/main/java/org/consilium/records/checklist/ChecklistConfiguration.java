package org.consilium.records.checklist;

import org.consilium.records.RecordsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

@Configuration
public class ChecklistConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ChecklistConfiguration.class);

    /** Loaded once at start-up from {@code consilium.records.checklist-rules}. */
    @Bean
    public ChecklistRules checklistRules(RecordsProperties properties, ResourceLoader resources) {
        try (InputStream yaml = resources.getResource(properties.checklistRules()).getInputStream()) {
            ChecklistRules rules = ChecklistRules.read(yaml);
            log.info("checklist rules from {}: {} and a fallback", properties.checklistRules(), rules.cancerTypes());
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checklist rules " + properties.checklistRules(), e);
        }
    }
}
