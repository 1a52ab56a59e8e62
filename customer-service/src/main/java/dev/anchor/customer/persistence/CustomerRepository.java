package dev.anchor.customer.persistence;

import dev.anchor.blocks.http.Paging;
import dev.anchor.customer.domain.Customer;
import dev.anchor.customer.domain.CustomerStatus;
import dev.anchor.customer.domain.Customers;
import dev.anchor.customer.domain.PartnerScope;
import dev.anchor.customer.domain.SearchCriteria;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements Customers {

    private final EntityManager em;

    public CustomerRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Customer> byId(UUID id) {
        return Optional.ofNullable(em.find(Customer.class, id));
    }

    @Override
    public Optional<Customer> byIdForUpdate(UUID id) {
        return Optional.ofNullable(em.find(Customer.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(Customer customer) {
        em.persist(customer);
        em.flush();
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public Paging.Page<Customer> search(SearchCriteria criteria, PartnerScope scope, Paging paging) {
        List<String> where = new ArrayList<>(List.of("c.status = :active"));
        Map<String, Object> params = new HashMap<>(Map.of("active", CustomerStatus.active));
        if (criteria.email() != null) {
            where.add("exists (select 1 from Customer x join x.emails e where x = c and lower(e.address) = :email)");
            params.put("email", criteria.email().trim().toLowerCase());
        }
        if (criteria.phone() != null) {
            where.add("exists (select 1 from Customer x join x.phones p where x = c and p.number = :phone)");
            params.put("phone", criteria.phone());
        }
        if (criteria.name() != null) {
            where.add("lower(concat(c.givenName, ' ', coalesce(c.familyName, ''))) like :name");
            params.put("name", "%" + criteria.name().trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (criteria.reference() != null) {
            where.add("exists (select 1 from Customer x join x.externalReferences r where x = c and r.value = :reference"
                    + (criteria.system() != null ? " and r.system = :system)" : ")"));
            params.put("reference", criteria.reference());
            if (criteria.system() != null) {
                params.put("system", criteria.system());
            }
        }
        if (scope.limited()) {
            where.add(ShareQueries.SHARED_WITH_LOCATION); // a partner finds, and counts, only what it may read
            params.put("location", scope.location());
        }
        String filter = " from Customer c where " + String.join(" and ", where);
        TypedQuery<Customer> select = em
                .createQuery("select c" + filter + " order by lower(c.givenName), lower(c.familyName), c.id", Customer.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size());
        TypedQuery<Long> count = em.createQuery("select count(c)" + filter, Long.class);
        params.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        return paging.page(select.getResultList(), count.getSingleResult());
    }

    @Override
    public List<Customer> mergedInto(UUID survivor) {
        return em.createQuery("from Customer where mergedInto = :survivor", Customer.class)
                .setParameter("survivor", survivor).getResultList();
    }
}
