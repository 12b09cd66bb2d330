package vn.motcua.organization.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.OfficerScope;
import vn.motcua.organization.OrganizationService;
import vn.motcua.organization.StaffId;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.organization.StaffView;
import vn.motcua.organization.UnitCommand;
import vn.motcua.organization.UnitId;
import vn.motcua.organization.UnitView;

/**
 * Units and staff as JSON, within the caller's scope: a unit or a person of
 * another unit answers 404. Changes are for administrators.
 */
@RestController
@RequestMapping("/api/v1")
public class OrganizationApiController {

    /** Merge request: the sources are dissolved into the successor. */
    public record MergeRequest(@NotEmpty @Size(max = 100, message = "{validation.list.tooMany}") List<Long> sources,
                               @NotNull Long successor, @Size(max = 1000, message = "{validation.tooLong}") String reason) {
    }

    /** Who the caller is and which units they may see. */
    public record Me(long id, String username, String fullName, List<String> roles, boolean allUnits, List<Long> unitIds) {
    }

    private final OrganizationService org;

    public OrganizationApiController(OrganizationService org) {
        this.org = org;
    }

    @GetMapping("/me")
    public Me me(@AuthenticationPrincipal StaffPrincipal me) {
        OfficerScope scope = org.scopeOf(me.id());
        return new Me(me.staffId(), me.username(), me.fullName(), me.sortedRoles().stream().map(Enum::name).toList(),
                scope.allUnits(), scope.unitIds().stream().sorted().toList());
    }

    @GetMapping("/units")
    public List<UnitView> units(@RequestParam(defaultValue = "") String q,
                                @RequestParam(defaultValue = "false") boolean includeDissolved,
                                @AuthenticationPrincipal StaffPrincipal me) {
        return org.searchUnits(q, includeDissolved, org.scopeOf(me.id()));
    }

    @GetMapping("/units/{id}")
    public UnitView unit(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return org.unit(new UnitId(id), org.scopeOf(me.id()));
    }

    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    public UnitView create(@Valid @RequestBody UnitCommand command) {
        return org.createUnit(command);
    }

    @PutMapping("/units/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    public UnitView update(@PathVariable long id, @RequestParam int version, @Valid @RequestBody UnitCommand command) {
        return org.updateUnit(new UnitId(id), version, command);
    }

    @PostMapping("/units/merge")
    @PreAuthorize("hasRole('ADMIN')")
    public UnitView merge(@Valid @RequestBody MergeRequest request, @AuthenticationPrincipal StaffPrincipal me) {
        return org.merge(request.sources().stream().map(UnitId::new).toList(), new UnitId(request.successor()),
                request.reason(), me.username());
    }

    @GetMapping("/staff/{id}")
    public StaffView staff(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return org.staff(new StaffId(id), org.scopeOf(me.id()));
    }
}
