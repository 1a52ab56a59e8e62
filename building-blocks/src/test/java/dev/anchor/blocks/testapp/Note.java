package dev.anchor.blocks.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A row the test application writes beside its events. */
@Entity
@Table(name = "test_note")
public class Note {

    @Id
    public UUID id;

    public UUID subject;

    public String text;
}
