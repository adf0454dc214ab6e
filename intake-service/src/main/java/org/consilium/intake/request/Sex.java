package org.consilium.intake.request;

public enum Sex {
    FEMALE, MALE, OTHER, UNDISCLOSED
}
