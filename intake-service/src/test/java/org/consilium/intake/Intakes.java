package org.consilium.intake;

/** The brief's two example requests, as a patient's app would send them. */
final class Intakes {
    private Intakes() {
    }

    static final String LUNG_URGENT = """
            {
              "patient": {"name": "Budi Santoso", "age": 58, "sex": "MALE", "country": "ID",
                          "languages": ["id", "en"], "timeZone": "Asia/Jakarta", "email": "budi@example.org"},
              "proxy": {"name": "Siti Santoso", "relationship": "daughter", "email": "siti@example.org",
                        "patientConsents": true},
              "consent": {"review": true, "shareWithPanel": true, "crossBorderTransfer": true,
                          "contactCurrentDoctor": true},
              "diagnosis": {"cancerType": "lung", "site": "right upper lobe", "stage": "IIIA",
                            "histology": "adenocarcinoma"},
              "currentTreatingTeam": {"doctorName": "Dr Hartono", "institution": "RS Jakarta"},
              "firstOpinion": {"summary": "Lobectomy followed by adjuvant chemotherapy", "author": "Dr Hartono",
                               "date": "2026-11-10"},
              "decisionsAtStake": ["MAJOR_SURGERY"],
              "treatmentGoal": "CURE",
              "whatSeemsMissing": ["MOLECULAR_TESTING"],
              "openConcerns": ["Was molecular testing done?"],
              "plannedTreatmentStart": "2026-12-07",
              "questionForPanel": "Should I have chemotherapy or immunotherapy before the operation instead?"
            }
            """;

    static final String BREAST_ROUTINE = """
            {
              "patient": {"name": "Layla Haddad", "age": 44, "sex": "FEMALE", "country": "AE",
                          "languages": ["ar", "en"], "timeZone": "Asia/Dubai", "email": "layla@example.org"},
              "consent": {"review": true, "shareWithPanel": true, "crossBorderTransfer": true,
                          "contactCurrentDoctor": false},
              "diagnosis": {"cancerType": "breast", "stage": "II", "histology": "ER+/PR+/HER2-"},
              "firstOpinion": {"summary": "Mastectomy then chemotherapy", "author": "Dr Farouk", "date": "2026-11-01"},
              "decisionsAtStake": ["ORGAN_REMOVAL", "FERTILITY_OR_SEXUAL_FUNCTION"],
              "treatmentGoal": "CURE",
              "openConcerns": ["Is breast-conserving surgery possible?", "Fertility preservation before chemotherapy",
                               "Acupuncture for sleep"],
              "plannedTreatmentStart": "2026-12-30",
              "questionForPanel": "Is breast-conserving surgery possible for me?"
            }
            """;

    /** {@link #LUNG_URGENT} for these people: the patient's, the caregiver's and the treating doctor's e-mail. */
    static String lung(String patient, String caregiver, String doctor) {
        return LUNG_URGENT.replace("budi@example.org", patient).replace("siti@example.org", caregiver)
                .replace("\"institution\": \"RS Jakarta\"}", "\"institution\": \"RS Jakarta\", \"email\": \"" + doctor + "\"}");
    }
}
