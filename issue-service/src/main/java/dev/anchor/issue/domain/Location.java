package dev.anchor.issue.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;

/** One entry of the directory of stores and repair centres. */
@Entity
@Table(name = "location")
public class Location {

    @Id
    public String id;
    @JdbcTypeCode(SqlTypes.JSON)
    public Place place;
    @Version
    public long version;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
}
