package vn.motcua.portal.api;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.portal.IdentityProofs;

/**
 * Citizen accounts for the one-stop desk's own software: read the account
 * holding an identity number, confirm at the desk that it is its holder's
 * (identity proofing), or freeze an unproven one that is not. The same
 * service methods and guard as the staff page: one-stop officers and
 * administrators only (403 otherwise), 404 for a number no account holds,
 * 409 {@code identity-already-proven}, 422 for a missing document or note;
 * errors are problem+json.
 */
@RestController
@RequestMapping("/api/v1/citizen-accounts")
public class CitizenAccountApiController {

    /** What the officer checked: {@code document} is required; {@code note} too when the document is OTHER (≤ 500 characters). */
    public record ProofRequest(IdentityProofs.DocumentChecked document, String note) {
    }

    /** Why the account is not the holder's (required, ≤ 500 characters). */
    public record FreezeRequest(String note) {
    }

    private final IdentityProofs proofs;

    public CitizenAccountApiController(IdentityProofs proofs) {
        this.proofs = proofs;
    }

    @GetMapping("/{identityNumber}")
    public IdentityProofs.AccountCard card(@PathVariable String identityNumber, @AuthenticationPrincipal StaffPrincipal me) {
        return proofs.card(identityNumber, me);
    }

    /** Confirms, with the holder and their ID card at the desk, that the account is theirs; answers the account proven. */
    @PostMapping("/{identityNumber}/proof")
    public IdentityProofs.AccountCard prove(@PathVariable String identityNumber, @RequestBody ProofRequest request,
                                            @AuthenticationPrincipal StaffPrincipal me) {
        return proofs.proveAtDesk(identityNumber, new IdentityProofs.DeskProof(request.document(), request.note()), me);
    }

    /** Freezes the unproven account holding the number (it is not the holder's): the number is free again. 204. */
    @PostMapping("/{identityNumber}/freeze")
    public ResponseEntity<Void> freeze(@PathVariable String identityNumber, @RequestBody FreezeRequest request,
                                       @AuthenticationPrincipal StaffPrincipal me) {
        proofs.freezeAtDesk(identityNumber, request.note(), me);
        return ResponseEntity.noContent().build();
    }
}
