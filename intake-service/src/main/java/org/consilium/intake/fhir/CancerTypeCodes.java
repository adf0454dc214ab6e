package org.consilium.intake.fhir;

import org.consilium.intake.request.CancerType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * From a Condition's code (mCODE PrimaryCancerCondition: SNOMED CT, or ICD-10 / ICD-10-CM) to the
 * cancer types triage and the checklists know. ICD-10 is matched by its three-character category
 * (complete for the ten types); SNOMED CT by a seed list of common disorder concepts (offline there
 * is no subsumption, so a descendant concept not listed falls back to the words of its display or
 * text, and then to {@code other}). A clinician should extend the SNOMED seed list.
 */
public final class CancerTypeCodes {
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String ICD_10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";

    private static final Map<String, CancerType> SNOMED_CODES = new LinkedHashMap<>();
    private static final Map<CancerType, Coding> SNOMED_EXPORT = new EnumMap<>(CancerType.class);
    private static final Map<CancerType, Coding> ICD_EXPORT = new EnumMap<>(CancerType.class);

    static {
        snomed(CancerType.LUNG, "363358000", "Malignant tumor of lung", "254637007", "254632001", "93880001");
        snomed(CancerType.BREAST, "254837009", "Malignant neoplasm of breast", "372064008", "408643008");
        snomed(CancerType.COLORECTAL, "363406005", "Malignant tumor of colon", "363351006", "93761005", "93984006");
        snomed(CancerType.GASTRIC, "363349007", "Malignant tumor of stomach");
        snomed(CancerType.OESOPHAGEAL, "363402007", "Malignant tumor of esophagus");
        snomed(CancerType.LIVER, "93870000", "Malignant neoplasm of liver", "187769009", "109841003");
        snomed(CancerType.PANCREATIC, "363418001", "Malignant tumor of pancreas", "372003004");
        snomed(CancerType.PROSTATE, "399068003", "Malignant tumor of prostate", "254900004");
        snomed(CancerType.LYMPHOMA, "118600007", "Malignant lymphoma", "118599009", "118601006");
        snomed(CancerType.HEAD_AND_NECK, "255055008", "Malignant tumor of head and neck", "363505006", "363429002");
        snomed(CancerType.OTHER, "363346000", "Malignant neoplastic disease");
        icd(CancerType.LUNG, "C34", "Malignant neoplasm of bronchus and lung");
        icd(CancerType.BREAST, "C50", "Malignant neoplasm of breast");
        icd(CancerType.COLORECTAL, "C18", "Malignant neoplasm of colon");
        icd(CancerType.GASTRIC, "C16", "Malignant neoplasm of stomach");
        icd(CancerType.OESOPHAGEAL, "C15", "Malignant neoplasm of oesophagus");
        icd(CancerType.LIVER, "C22", "Malignant neoplasm of liver and intrahepatic bile ducts");
        icd(CancerType.PANCREATIC, "C25", "Malignant neoplasm of pancreas");
        icd(CancerType.PROSTATE, "C61", "Malignant neoplasm of prostate");
        icd(CancerType.LYMPHOMA, "C85", "Other and unspecified types of non-Hodgkin lymphoma");
        icd(CancerType.HEAD_AND_NECK, "C14", "Malignant neoplasm of other and ill-defined sites in the lip, oral cavity and pharynx");
        icd(CancerType.OTHER, "C80", "Malignant neoplasm without specification of site");
    }

    private static final List<Map.Entry<String, CancerType>> WORDS = List.of(
            Map.entry("lung", CancerType.LUNG), Map.entry("bronch", CancerType.LUNG),
            Map.entry("breast", CancerType.BREAST), Map.entry("colorectal", CancerType.COLORECTAL),
            Map.entry("colon", CancerType.COLORECTAL), Map.entry("rectum", CancerType.COLORECTAL), Map.entry("rectal", CancerType.COLORECTAL),
            Map.entry("stomach", CancerType.GASTRIC), Map.entry("gastric", CancerType.GASTRIC),
            Map.entry("oesophag", CancerType.OESOPHAGEAL), Map.entry("esophag", CancerType.OESOPHAGEAL),
            Map.entry("hepatocellular", CancerType.LIVER), Map.entry("liver", CancerType.LIVER),
            Map.entry("pancrea", CancerType.PANCREATIC), Map.entry("prostat", CancerType.PROSTATE),
            Map.entry("lymphoma", CancerType.LYMPHOMA), Map.entry("hodgkin", CancerType.LYMPHOMA),
            Map.entry("head and neck", CancerType.HEAD_AND_NECK), Map.entry("oropharyn", CancerType.HEAD_AND_NECK),
            Map.entry("laryn", CancerType.HEAD_AND_NECK), Map.entry("oral cavity", CancerType.HEAD_AND_NECK),
            Map.entry("tongue", CancerType.HEAD_AND_NECK), Map.entry("nasopharyn", CancerType.HEAD_AND_NECK));

    private CancerTypeCodes() {
    }

    private static void snomed(CancerType type, String exportCode, String display, String... more) {
        SNOMED_EXPORT.put(type, new Coding(SNOMED, exportCode, display));
        SNOMED_CODES.put(exportCode, type);
        for (String code : more) {
            SNOMED_CODES.put(code, type);
        }
    }

    private static void icd(CancerType type, String code, String display) {
        ICD_EXPORT.put(type, new Coding(ICD_10, code, display));
    }

    /** The cancer type a Condition code names; {@code other} when no coding or word says which. */
    public static CancerType of(CodeableConcept code) {
        for (Coding coding : code.getCoding()) {
            Optional<CancerType> type = of(coding.getSystem(), coding.getCode());
            if (type.isPresent()) {
                return type.get();
            }
        }
        StringBuilder words = new StringBuilder(code.getText() == null ? "" : code.getText());
        code.getCoding().forEach(c -> words.append(' ').append(c.getDisplay() == null ? "" : c.getDisplay()));
        String text = words.toString().toLowerCase(Locale.ROOT);
        return WORDS.stream().filter(w -> text.contains(w.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(CancerType.OTHER);
    }

    static Optional<CancerType> of(String system, String code) {
        if (system == null || code == null) {
            return Optional.empty();
        }
        if (SNOMED.equals(system)) {
            return Optional.ofNullable(SNOMED_CODES.get(code.trim()));
        }
        if (ICD_10.equals(system) || ICD_10_CM.equals(system)) {
            return icd10(code.trim().toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static Optional<CancerType> icd10(String code) {
        if (code.length() < 3 || code.charAt(0) != 'C' || !Character.isDigit(code.charAt(1))
                || !Character.isDigit(code.charAt(2))) {
            return Optional.empty();
        }
        int category = Integer.parseInt(code.substring(1, 3));
        CancerType type;
        if (category <= 14 || (category >= 30 && category <= 32)) {
            type = CancerType.HEAD_AND_NECK;
        } else if (category == 15) {
            type = CancerType.OESOPHAGEAL;
        } else if (category == 16) {
            type = CancerType.GASTRIC;
        } else if (category >= 18 && category <= 20) {
            type = CancerType.COLORECTAL;
        } else if (category == 22) {
            type = CancerType.LIVER;
        } else if (category == 25) {
            type = CancerType.PANCREATIC;
        } else if (category == 33 || category == 34) {
            type = CancerType.LUNG;
        } else if (category == 50) {
            type = CancerType.BREAST;
        } else if (category == 61) {
            type = CancerType.PROSTATE;
        } else if (category >= 81 && category <= 86) {
            type = CancerType.LYMPHOMA;
        } else {
            type = CancerType.OTHER;
        }
        return Optional.of(type);
    }

    /** The Condition code an exported case carries: one SNOMED CT and one ICD-10 coding. */
    public static CodeableConcept codeFor(CancerType type) {
        return new CodeableConcept().addCoding(SNOMED_EXPORT.get(type).copy()).addCoding(ICD_EXPORT.get(type).copy())
                .setText(type.code());
    }
}
