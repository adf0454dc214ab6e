package org.consilium.console.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnToTest {

    @Test
    void aFormGoesBackToTheConsolePageItWasOn() {
        assertThat(ReturnTo.safe("/worklist?urgency=URGENT&mine=true")).isEqualTo("/worklist?urgency=URGENT&mine=true");
        assertThat(ReturnTo.safe("/cases/3f6c-41aa_b")).isEqualTo("/cases/3f6c-41aa_b");
    }

    @Test
    void neverToAnotherSiteNorAnyOtherPath() {
        assertThat(ReturnTo.safe("https://evil.example/")).isEqualTo("/worklist");
        assertThat(ReturnTo.safe("//evil.example/worklist")).isEqualTo("/worklist");
        assertThat(ReturnTo.safe("/worklist/../logout")).isEqualTo("/worklist");
        assertThat(ReturnTo.safe("/cases/x?a=<script>")).isEqualTo("/worklist");
        assertThat(ReturnTo.safe(null)).isEqualTo("/worklist");
    }
}
