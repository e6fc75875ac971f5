package dev.parley.web;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a form shows: the values to put back in its fields and a message per faulty field. A form that
 * comes back with errors keeps everything the user typed.
 */
@TemplateData
public final class FormState {

    /** Key of a message about the form as a whole rather than one field. */
    public static final String GLOBAL = "_form";

    private final Map<String, String> values;
    private final Map<String, String> errors;

    private FormState(Map<String, String> values, Map<String, String> errors) {
        this.values = values;
        this.errors = errors;
    }

    public static FormState empty() {
        return new FormState(Map.of(), Map.of());
    }

    public static FormState of(Map<String, String> values) {
        return new FormState(copyWithoutNulls(values), Map.of());
    }

    public FormState withErrors(Map<String, String> fieldErrors) {
        Map<String, String> merged = new LinkedHashMap<>(errors);
        merged.putAll(fieldErrors);
        return new FormState(values, Collections.unmodifiableMap(merged));
    }

    public FormState withError(String field, String message) {
        return withErrors(Map.of(field, message));
    }

    public FormState withValue(String field, String value) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return new FormState(Collections.unmodifiableMap(changed), errors);
    }

    /** The field's value, or an empty string. */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** Whether a checkbox was ticked. */
    public boolean checked(String field) {
        String value = values.get(field);
        return value != null && !value.isEmpty() && !"false".equals(value);
    }

    /** The message for a field, or {@code null}. */
    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String globalError() {
        return errors.get(GLOBAL);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** A faulty field and its message, for the error summary's link to the field ({@code #field}). */
    @TemplateData
    public record FieldProblem(String field, String message) {}

    /**
     * The faulty fields in the order the form shows them (the order its values were given in), for the error
     * summary at the top of the form.
     */
    public List<FieldProblem> fieldProblems() {
        List<String> order = new ArrayList<>(values.keySet());
        return errors.entrySet().stream()
                .filter(e -> !GLOBAL.equals(e.getKey()))
                .sorted(Comparator.comparingInt(e -> {
                    int position = order.indexOf(e.getKey());
                    return position < 0 ? Integer.MAX_VALUE : position;
                }))
                .map(e -> new FieldProblem(e.getKey(), e.getValue()))
                .toList();
    }

    private static Map<String, String> copyWithoutNulls(Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
