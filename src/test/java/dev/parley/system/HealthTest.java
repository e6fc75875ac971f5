package dev.parley.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a load balancer or Kubernetes asks: is the process alive, and can it serve (database included)? */
@QuarkusTest
class HealthTest {

    @Test
    void readinessIncludesTheDatabase() {
        JsonPath ready =
                given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertEquals("UP", ready.getString("status"));
        List<String> checks = ready.getList("checks.name");
        assertTrue(checks.stream().anyMatch(name -> name.contains("Database")), checks::toString);
    }

    @Test
    void livenessAnswers() {
        assertEquals(
                "UP",
                given().get("/q/health/live")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("status"));
    }
}
