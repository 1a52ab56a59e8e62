package dev.anchor.blocks.problem;

import java.util.List;
import java.util.Map;

/** Thrown by domain and API code to answer with a problem; nothing of the transaction is committed. */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
        this.headers = headers;
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException of(int status, String slug, String title, String detail) {
        return new ProblemException(new Problem(Problems.type(slug), title, status, detail, null, List.of()));
    }
}
