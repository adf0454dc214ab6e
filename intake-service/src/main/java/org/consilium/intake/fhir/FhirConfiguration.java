package org.consilium.intake.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.UUID;

/**
 * HAPI FHIR R4: one context and one validator against the R4 base profiles, offline (no
 * terminology server: SNOMED CT and ICD-10 codes are not checked against their code systems).
 */
@Configuration
public class FhirConfiguration {
    private static final Logger log = LoggerFactory.getLogger(FhirConfiguration.class);

    @Bean
    public FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    public FhirValidator fhirValidator(FhirContext fhir) {
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
        instanceValidator.setAnyExtensionsAllowed(true);
        // mCODE and other IG profiles are not loaded: a declared but unknown profile is a warning, not an error
        instanceValidator.setErrorForUnknownProfiles(false);
        FhirValidator validator = fhir.newValidator();
        validator.registerValidatorModule(instanceValidator);
        return validator;
    }

    /**
     * The first validation loads the R4 profiles and takes seconds: pay for it once while starting,
     * so the service reports ready only when an import answers promptly.
     */
    @Bean
    public SmartInitializingSingleton fhirValidatorWarmUp(FhirContext fhir, FhirValidator validator) {
        return () -> {
            long start = System.nanoTime();
            // one of each resource type an import or export carries, so their profiles are loaded now
            Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
            List.of(new Patient().setActive(true), new RelatedPerson(), new Consent(), new Condition(), new ServiceRequest(),
                            new QuestionnaireResponse(), new DocumentReference(), new DiagnosticReport(), new ImagingStudy(),
                            new MedicationStatement())
                    .forEach(r -> bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(r));
            validator.validateWithResult(fhir.newJsonParser().encodeResourceToString(bundle));
            validator.validateWithResult(IntakeQuestionnaire.build());
            log.info("FHIR validator warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        };
    }
}
