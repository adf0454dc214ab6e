package org.consilium.console.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorklistFilterTest {

    @Test
    void theFilterWritesItsOwnAddressAndIgnoresAnUnknownUrgency() {
        assertThat(WorklistFilter.of("URGENT", "true").page()).isEqualTo("/worklist?urgency=URGENT&mine=true");
        assertThat(WorklistFilter.of("SOON", null).page()).isEqualTo("/worklist");
        assertThat(WorklistFilter.of("", "on").page()).isEqualTo("/worklist?mine=true");
    }
}
