package vn.motcua.warehouse.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.organization.StaffPrincipal;
import vn.motcua.shared.InvalidInput;
import vn.motcua.shared.PageController;
import vn.motcua.shared.Texts;
import vn.motcua.warehouse.FileDownloads;
import vn.motcua.warehouse.FileService;
import vn.motcua.warehouse.PersonalDataAccess;

/**
 * The page form of the "view personal data" act for supervisors and
 * administrators: an owner's documents (without content), each with a reason
 * to give; sending the form records the view in the audit trail and shows
 * the document. Other staff get 403.
 */
@PageController
@RequestMapping("/warehouse/personal-data")
public class PersonalDataPageController {

    private final PersonalDataAccess access;
    private final FileService files;

    public PersonalDataPageController(PersonalDataAccess access, FileService files) {
        this.access = access;
        this.files = files;
    }

    @GetMapping
    public String page(@RequestParam(required = false) String owner, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        return page(owner, me, model, null, null, null);
    }

    /** The act: with a reason, the document's content (the view is audited); without one, the page again with the error. */
    @PostMapping("/{owner}/documents/{id}")
    public Object view(@PathVariable String owner, @PathVariable String id, @RequestParam(required = false) String reason,
                       @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, HttpServletResponse response,
                       Model model) throws IOException {
        if (!PersonalDataAccess.mayAsk(me)) {
            throw new AccessDeniedException("personal data");
        }
        UUID documentId = FileDownloads.id(id);
        PersonalDataAccess.Grant grant;
        try {
            grant = access.open(owner, documentId, reason, me, request.getRemoteAddr());
        } catch (InvalidInput e) {
            response.setStatus(422);
            return page(owner, me, model, documentId, e.fieldErrors().getOrDefault("reason", "warehouse.access.reason"), reason);
        }
        return FileDownloads.inline(access.redeem(grant.token(), me), files);
    }

    private String page(String owner, StaffPrincipal me, Model model, UUID errorDocument, String errorKey, String reason) {
        if (!PersonalDataAccess.mayAsk(me)) {
            throw new AccessDeniedException("personal data");
        }
        String key = Texts.isBlank(owner) ? null : owner.replaceAll("\\s+", "");
        model.addAttribute("owner", key);
        model.addAttribute("documents", key == null ? java.util.List.of() : access.documents(key, me));
        model.addAttribute("errors", errorDocument == null ? Map.of() : Map.of(errorDocument.toString(), errorKey));
        model.addAttribute("reason", reason);
        return "warehouse/personal-data";
    }
}
