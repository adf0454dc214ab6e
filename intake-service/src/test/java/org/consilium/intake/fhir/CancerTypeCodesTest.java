package org.consilium.intake.fhir;

import org.consilium.intake.request.CancerType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class CancerTypeCodesTest {

    @ParameterizedTest
    @CsvSource({
            "C34.1, lung", "C33, lung", "C50.9, breast", "C18.7, colorectal", "C20, colorectal", "C16.0, gastric",
            "C15.5, oesophageal", "C22.0, liver", "C25.0, pancreatic", "C61, prostate", "C83.3, lymphoma",
            "C81.9, lymphoma", "C01, head-and-neck", "C32.0, head-and-neck", "C71.9, other", "I10, other"})
    void icd10CategoriesNameTheTenTypes(String code, String type) {
        assertThat(CancerTypeCodes.of(concept(CancerTypeCodes.ICD_10, code, null)).code()).isEqualTo(type);
        assertThat(CancerTypeCodes.of(concept(CancerTypeCodes.ICD_10_CM, code.toLowerCase(), null)).code()).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({
            "254637007, lung", "254837009, breast", "363406005, colorectal", "363349007, gastric",
            "363402007, oesophageal", "93870000, liver", "363418001, pancreatic", "399068003, prostate",
            "118601006, lymphoma", "255055008, head-and-neck", "363346000, other"})
    void snomedSeedConceptsNameTheTenTypes(String code, String type) {
        assertThat(CancerTypeCodes.of(concept(CancerTypeCodes.SNOMED, code, null)).code()).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({"Squamous cell carcinoma of tongue, head-and-neck", "Diffuse large B-cell lymphoma, lymphoma",
            "Adenocarcinoma of rectum, colorectal", "Hepatocellular carcinoma, liver", "Melanoma of skin, other"})
    void anUnlistedSnomedConceptFallsBackToItsWords(String display, String type) {
        assertThat(CancerTypeCodes.of(concept(CancerTypeCodes.SNOMED, "1234567", display)).code()).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(CancerType.class)
    void theExportedCodeReadsBackAsTheSameType(CancerType type) {
        assertThat(CancerTypeCodes.of(CancerTypeCodes.codeFor(type))).isEqualTo(type);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }
}
