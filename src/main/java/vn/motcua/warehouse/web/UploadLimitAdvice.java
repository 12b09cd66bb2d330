package vn.motcua.warehouse.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.motcua.shared.PageController;
import vn.motcua.warehouse.FileService;

/** Gives every page the upload limit, so file inputs can refuse a file that is too large before sending it. */
@ControllerAdvice(annotations = PageController.class)
public class UploadLimitAdvice {

    private final FileService files;

    public UploadLimitAdvice(FileService files) {
        this.files = files;
    }

    @ModelAttribute("maxUploadBytes")
    public long maxUploadBytes() {
        return files.maxBytes();
    }
}
