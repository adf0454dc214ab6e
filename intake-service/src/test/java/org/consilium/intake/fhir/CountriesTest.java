package org.consilium.intake.fhir;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CountriesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "United States|US", "United States of America|US", "USA|US", "US|US", "us|US", "U.S.A.|US",
            "Indonesia|ID", "IDN|ID", "ID|ID", "United Arab Emirates|AE", "UAE|AE", "UK|GB", "United Kingdom|GB",
            "Côte d'Ivoire|CI", "Ivory Coast|CI", "Türkiye|TR", "Turkey|TR", "The Netherlands|NL", "South Korea|KR",
            "  germany |DE", "China|CN", "Hong Kong|HK"})
    void namesAndIsoCodesAreTheAlpha2Code(String written, String code) {
        assertThat(Countries.alpha2(written)).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Atlantis", "", "XX", "Europe"})
    void whatIsNoCountryIsNotGuessed(String written) {
        assertThat(Countries.alpha2(written)).isEmpty();
    }
}
