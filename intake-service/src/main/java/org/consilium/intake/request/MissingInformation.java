package org.consilium.intake.request;

/** What the patient feels is missing from the first opinion (the article's self-check). */
public enum MissingInformation {
    PATHOLOGY_REVIEW, MOLECULAR_TESTING, IMAGING_INTERPRETATION, STAGING_CONFIRMATION, SURGICAL_ASSESSMENT,
    RESPONSE_HISTORY, TRIAL_ELIGIBILITY
}
