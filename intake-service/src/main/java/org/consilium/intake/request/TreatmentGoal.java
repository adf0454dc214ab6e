package org.consilium.intake.request;

/** The treatment goal as the patient understands it; UNKNOWN is an honest and common answer. */
public enum TreatmentGoal {
    CURE, REDUCE_RECURRENCE_RISK, SHRINK_BEFORE_SURGERY, LONG_TERM_CONTROL, SYMPTOM_RELIEF, DELAY_PROGRESSION,
    QUALITY_OF_LIFE, UNKNOWN
}
