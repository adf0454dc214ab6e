package org.consilium.mdt.review;

public enum Confidence {
    LOW, MEDIUM, HIGH
}
