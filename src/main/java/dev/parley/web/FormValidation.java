package dev.parley.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a form object's Bean Validation constraints and returns one message per field, keyed by the
 * form's field name (which is also the HTML input name).
 */
@ApplicationScoped
public class FormValidation {

    @Inject
    Validator validator;

    public Map<String, String> errorsOf(Object form) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(form)) {
            // The first message per field is enough for a reader to fix it.
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return errors;
    }
}
