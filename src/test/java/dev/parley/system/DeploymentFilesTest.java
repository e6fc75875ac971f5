package dev.parley.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker cannot run where Parley is built, so the deployment files are checked by what can run here: they
 * parse, they wire what Parley needs, and they hold no secret. (nginx's file is run for real by ClusterIT.)
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("docker");

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTwoInstancesBehindNginxAndADemoBlogWithEverySecretFromTheEnvironment() throws IOException {
        String text = Files.readString(DOCKER.resolve("compose.yaml"));
        Map<String, Object> compose = new Yaml().load(text);
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertEquals(Set.of("postgres", "keycloak", "parley-a", "parley-b", "lb", "blog"), services.keySet());
        for (String instance : List.of("parley-a", "parley-b")) {
            Map<String, Object> service = (Map<String, Object>) services.get(instance);
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            for (String secret : List.of("PARLEY_DB_PASSWORD", "PARLEY_SESSION_KEY", "PARLEY_SECRETS_KEY")) {
                assertTrue(
                        String.valueOf(environment.get(secret)).matches("\\$\\{" + secret + ":\\?.+}"),
                        () -> instance + " must take " + secret + " from the environment, required");
            }
            assertEquals("true", String.valueOf(environment.get("PARLEY_BEHIND_PROXY")));
            assertTrue(String.valueOf(environment.get("PARLEY_DB_URL")).startsWith("jdbc:postgresql://postgres:"));
            assertFalse(service.containsKey("ports"), instance + " is reached through the load balancer only");
            assertEquals("/comments", String.valueOf(environment.get("PARLEY_PATH_PREFIX")), "under the blog's path");
            assertTrue(
                    String.valueOf(service.get("networks")).contains("aliases=[parley]"),
                    () -> instance + " answers to the name the recipe uses, parley");
        }
        Map<String, Object> lb = (Map<String, Object>) services.get("lb");
        assertTrue(String.valueOf(lb.get("volumes")).contains("./nginx/parley.conf"), lb::toString);
        // The demo host site runs the README's nginx recipe, the file IncludeRecipesBrowserTest runs, on the demo
        // blog's pages.
        Map<String, Object> blog = (Map<String, Object>) services.get("blog");
        assertEquals(
                List.of(
                        "./embed/nginx-ssi.conf:/etc/nginx/conf.d/default.conf:ro",
                        "./embed/blog:/usr/share/nginx/html:ro"),
                blog.get("volumes"));
        assertEquals(List.of("8090:80"), blog.get("ports"));
        String recipe = Files.readString(DOCKER.resolve("embed/nginx-ssi.conf"));
        assertTrue(recipe.contains("root /usr/share/nginx/html;") && recipe.contains("proxy_pass http://parley:8080;"));
        assertTrue(Files.isRegularFile(DOCKER.resolve("embed/blog/index.html")));
        Map<String, Object> keycloak = (Map<String, Object>) services.get("keycloak");
        assertTrue(String.valueOf(keycloak.get("volumes")).contains("./keycloak"), "imports docker/keycloak");

        // Every variable compose reads is in .env.example, and .env.example has no real value for a secret.
        Set<String> used = new TreeSet<>();
        Matcher variable = Pattern.compile("\\$\\{([A-Z_]+)").matcher(text);
        while (variable.find()) {
            used.add(variable.group(1));
        }
        String example = Files.readString(DOCKER.resolve(".env.example"));
        List<String> missing = new ArrayList<>();
        for (String name : used) {
            if (!example.contains(name + "=")) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), () -> ".env.example lacks " + missing);
        for (String secret : List.of("PARLEY_DB_PASSWORD", "PARLEY_SESSION_KEY", "PARLEY_SECRETS_KEY")) {
            assertTrue(example.contains(secret + "=change-me"), secret + " must be a placeholder");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesProbesTheManagementPortAndTakesSecretsFromTheSecret() throws IOException {
        Path folder = DOCKER.resolve("kubernetes");
        Map<String, Object> deployment = new Yaml().load(Files.readString(folder.resolve("deployment.yaml")));
        assertEquals("Deployment", deployment.get("kind"));
        Map<String, Object> pod = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet");
            assertTrue(String.valueOf(get.get("path")).startsWith("/q/health/"), probe);
            assertEquals("management", String.valueOf(get.get("port")), probe + " goes to port 9000, not 8080");
        }
        String containerText = container.toString();
        assertTrue(containerText.contains("containerPort=9000") && containerText.contains("containerPort=8080"));

        // Every key the deployment reads from the Secret is in the template, which holds placeholders only.
        Map<String, Object> secret = new Yaml().load(Files.readString(folder.resolve("secret-template.yaml")));
        Map<String, Object> data = (Map<String, Object>) secret.get("stringData");
        Matcher key = Pattern.compile("secretKeyRef=\\{name=parley-secrets, key=([a-z-]+)")
                .matcher(containerText);
        int keys = 0;
        while (key.find()) {
            keys++;
            assertTrue(data.containsKey(key.group(1)), key.group(1));
        }
        assertTrue(keys >= 3, containerText);
        data.forEach((name, value) -> {
            if (!name.equals("admin-email")) {
                assertEquals("change-me", value, name);
            }
        });
        // The other manifests parse too.
        for (String file : List.of("service.yaml", "pdb.yaml", "kustomization.yaml")) {
            new Yaml()
                    .loadAll(Files.readString(folder.resolve(file)))
                    .forEach(document -> assertTrue(document != null));
        }
    }
}
