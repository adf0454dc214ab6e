package org.consilium.mdt.directory;

import java.util.List;

/** The discipline codes the directory knows; triage's decision table names panels with these codes. */
public final class Disciplines {
    public static final String MEDICAL_ONCOLOGIST = "medical-oncologist";

    public static final List<String> CODES = List.of(
            "thoracic-surgeon", "breast-surgeon", "colorectal-surgeon", "upper-gi-surgeon", "hepatobiliary-surgeon",
            "transplant-surgeon", "urologist", "head-and-neck-surgeon", MEDICAL_ONCOLOGIST, "radiation-oncologist",
            "radiologist", "interventional-radiologist", "pathologist", "haematopathologist", "haematologist",
            "hepatologist", "gastroenterologist", "pulmonologist", "dentist", "speech-therapist",
            "supportive-care-physician");

    private Disciplines() {
    }
}
