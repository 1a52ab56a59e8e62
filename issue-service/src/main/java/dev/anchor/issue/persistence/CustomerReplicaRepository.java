package dev.anchor.issue.persistence;

import dev.anchor.issue.domain.CustomerReplica;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class CustomerReplicaRepository implements PanacheRepositoryBase<CustomerReplica, UUID> {
}
