package org.consilium.events;

/** Why a notification is sent; each purpose has its own template. */
public enum NotificationPurpose {
    RECORDS_REMINDER, CASE_DECLINED, CASE_WITHDRAWN, MDT_SCHEDULED
}
