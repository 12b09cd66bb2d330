package vn.motcua.feedback.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.dossier.Upload;
import vn.motcua.feedback.FeedbackKind;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FeedbackSubject;
import vn.motcua.shared.DomainRuleViolation;
import vn.motcua.shared.InvalidInput;

/** What the public and the portal's PAKN pages share. */
final class FeedbackPages {

    private FeedbackPages() {
    }

    static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> out = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f != null && !f.isEmpty()) {
                    out.add(new Upload(f.getOriginalFilename(), f));
                }
            }
        }
        return out;
    }

    /** Puts the service's refusal on the form: field errors by field, a rule as a global error. */
    static void reject(BindingResult binding, RuntimeException e) {
        if (e instanceof InvalidInput invalid) {
            invalid.fieldErrors().forEach((field, key) -> {
                if (binding.getFieldType(field) != null || "contact".equals(field) || "attachments".equals(field)) {
                    binding.rejectValue(field, key, invalid.args(field), null);
                } else {
                    binding.reject(key);
                }
            });
        } else if (e instanceof DomainRuleViolation rule) {
            binding.reject(rule.messageKey(), rule.args(), null);
        }
    }

    static void formModel(org.springframework.ui.Model model, FeedbackService feedback) {
        model.addAttribute("kinds", FeedbackKind.values());
        model.addAttribute("subjects", FeedbackSubject.values());
        model.addAttribute("units", feedback.units());
        model.addAttribute("maxAttachments", FeedbackService.MAX_ATTACHMENTS);
    }
}
