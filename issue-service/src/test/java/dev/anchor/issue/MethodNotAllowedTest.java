package dev.anchor.issue;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.SUPERVISOR;
import static dev.anchor.issue.IssueFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * A method a path of the issues API does not take is 405 with {@code Allow}, never a 404 for a resource that is
 * there: the reads and the changes of {@code /issues} share one class path, so the router knows every method a path
 * takes.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class MethodNotAllowedTest {

    @ParameterizedTest
    @CsvSource({
            "DELETE, /issues/{id}/comments, POST",
            "PUT, /issues/{id}/actions, POST",
            "DELETE, /issues/{id}/assignment, POST",
            "GET, /issues/{id}/handoffs, POST",
            "POST, /issues/{id}/next-action, PUT",
            "PATCH, /issues/{id}/status-link, POST",
            "DELETE, /issues/{id}/timeline, GET",
            "PUT, /issues/{id}, GET",
            "DELETE, /issues, POST"})
    void anUndocumentedMethodIs405WithAllow(String method, String path, String allowed) {
        String id = IssueFixtures.openIssue();
        assertProblem(as(SUPERVISOR).body("{}").request(method, path.replace("{id}", id)).then(), 405)
                .header("Allow", containsString(allowed)).header("Allow", not(containsString(method)))
                .body("detail", not(containsString("Unable to find matching target resource method")));
    }
}
