package dev.anchor.blocks.locale;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PostalAddressTest {

    @Test
    void thePostCodeStandsWhereTheCountryPutsIt() {
        assertEquals("Leeds LS1 4AP", PostalAddress.townLine("Leeds", "LS1 4AP", "GB"));
        assertEquals("10115 Berlin", PostalAddress.townLine("Berlin", "10115", "DE"));
        assertEquals("75001 Paris", PostalAddress.townLine("Paris", "75001", "fr"));
        assertEquals("Dublin", PostalAddress.townLine("Dublin", null, "IE"));
    }
}
