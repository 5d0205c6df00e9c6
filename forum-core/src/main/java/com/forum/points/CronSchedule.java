package com.forum.points;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.scheduling.support.CronExpression;

/** A cron expression (second minute hour day month weekday), or {@code -} for never. */
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CronSchedule.Validator.class)
@interface CronSchedule {

	String NEVER = "-";

	String message() default "must be a cron expression such as \"0 30 3 * * *\", or - for never";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<CronSchedule, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || NEVER.equals(value) || CronExpression.isValidExpression(value);
		}
	}
}
