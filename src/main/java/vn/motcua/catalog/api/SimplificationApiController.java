package vn.motcua.catalog.api;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.catalog.SimplificationCommand;
import vn.motcua.catalog.SimplificationKind;
import vn.motcua.catalog.SimplificationProposal;
import vn.motcua.catalog.SimplificationReview;
import vn.motcua.catalog.SimplificationService;
import vn.motcua.catalog.SimplificationStatus;
import vn.motcua.organization.StaffPrincipal;

/**
 * Review and simplification proposals as JSON, for administrators: the review
 * list with its totals (filter by {@code status} and {@code kind}), create,
 * read, replace a draft, submit, accept and reject. Money is in whole đồng.
 */
@RestController
@RequestMapping("/api/v1/simplification-proposals")
@PreAuthorize("hasRole('ADMIN')")
public class SimplificationApiController {

    /** The note of a decision: optional to accept, the reason (required) to reject. */
    public record DecisionRequest(String note) {
    }

    private final SimplificationService simplification;

    public SimplificationApiController(SimplificationService simplification) {
        this.simplification = simplification;
    }

    @GetMapping
    public SimplificationReview list(@RequestParam(required = false) SimplificationStatus status,
                                     @RequestParam(required = false) SimplificationKind kind) {
        return simplification.review(status, kind);
    }

    @PostMapping
    public ResponseEntity<SimplificationProposal> create(@RequestBody SimplificationCommand command,
                                                         @AuthenticationPrincipal StaffPrincipal me) {
        SimplificationProposal created = simplification.create(command, me.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/simplification-proposals/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    public SimplificationProposal get(@PathVariable long id) {
        return simplification.get(id);
    }

    /** Replaces the content of a draft proposal (409 {@code not-editable} once submitted). */
    @PutMapping("/{id}")
    public SimplificationProposal replace(@PathVariable long id, @RequestBody SimplificationCommand command,
                                          @AuthenticationPrincipal StaffPrincipal me) {
        return simplification.update(id, command, me.getUsername());
    }

    @PostMapping("/{id}/submit")
    public SimplificationProposal submit(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
        return simplification.submit(id, me.getUsername());
    }

    @PostMapping("/{id}/accept")
    public SimplificationProposal accept(@PathVariable long id, @RequestBody(required = false) DecisionRequest request,
                                         @AuthenticationPrincipal StaffPrincipal me) {
        return simplification.accept(id, request == null ? null : request.note(), me.getUsername());
    }

    @PostMapping("/{id}/reject")
    public SimplificationProposal reject(@PathVariable long id, @RequestBody(required = false) DecisionRequest request,
                                         @AuthenticationPrincipal StaffPrincipal me) {
        return simplification.reject(id, request == null ? null : request.note(), me.getUsername());
    }
}
