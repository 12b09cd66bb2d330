package vn.motcua.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders pages (Thymeleaf views). The page-wide model
 * attributes (layout, navigation counts, upload limit, the citizen's name)
 * apply to these only: a plain {@code @Controller} would also match every
 * {@code @RestController}, and each JSON call would then build and run those
 * model-attribute methods for nothing (about a tenth of an API call's CPU in
 * the profile, docs/benchmarks.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
