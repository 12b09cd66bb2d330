package vn.motcua.reform.api;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.reform.UnitFunctionCheck;
import vn.motcua.reform.UnitFunctionCommand;
import vn.motcua.reform.UnitFunctionService;
import vn.motcua.reform.UnitFunctionView;

/** Units' functions and tasks and the structure check (docs/reform.md §6), with the service's guards. */
@RestController
@RequestMapping("/api/v1/reform/unit-functions")
public class UnitFunctionApiController {

    private final UnitFunctionService functions;

    public UnitFunctionApiController(UnitFunctionService functions) {
        this.functions = functions;
    }

    @GetMapping
    public List<UnitFunctionView> list(@AuthenticationPrincipal StaffPrincipal me) {
        return functions.list(me);
    }

    @PostMapping
    public UnitFunctionView create(@RequestBody(required = false) UnitFunctionCommand body, @AuthenticationPrincipal StaffPrincipal me) {
        return functions.create(body, me);
    }

    @GetMapping("/check")
    public UnitFunctionCheck check(@AuthenticationPrincipal StaffPrincipal me) {
        return functions.check(me);
    }
}
