package dev.anchor.issue.persistence;

import dev.anchor.issue.domain.CustomerReplica;
import dev.anchor.issue.domain.CustomerReplicas;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class CustomerReplicaRepository implements CustomerReplicas, PanacheRepositoryBase<CustomerReplica, UUID> {

    @Override
    public CustomerReplica byId(UUID id) {
        return findById(id);
    }

    @Override
    public CustomerReplica lock(UUID id) {
        CustomerReplica replica = findById(id);
        if (replica != null) {
            // refresh, not find with a lock mode: a row read earlier in the transaction would keep its stale state
            getEntityManager().refresh(replica, LockModeType.PESSIMISTIC_WRITE);
        }
        return replica;
    }

    @Override
    public void add(CustomerReplica replica) {
        persist(replica);
    }
}
