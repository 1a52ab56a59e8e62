package dev.anchor.blocks.http;

import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.anchor.blocks.problem.Problems;

import java.util.List;

/** Page parameters as every list endpoint takes them: {@code page} from 0, {@code size} 1..100. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw Problems.invalidField("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw Problems.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }

    /** One page of results with the total, as every list endpoint answers. */
    @RegisterForReflection
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public <T> Page<T> page(List<T> items, long total) {
        return new Page<>(items, page, size, total);
    }
}
