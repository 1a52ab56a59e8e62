package dev.anchor.issue.persistence;

import dev.anchor.issue.domain.CustomerReplica;
import dev.anchor.issue.domain.CustomerReplicas;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class CustomerReplicaRepository implements CustomerReplicas, PanacheRepositoryBase<CustomerReplica, UUID> {

    @Override
    public CustomerReplica byId(UUID id) {
        return findById(id);
    }

    @Override
    public void add(CustomerReplica replica) {
        persist(replica);
    }
}
