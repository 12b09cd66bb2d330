package vn.motcua.feedback;

/** How each SIPAS factor is asked: perception (nhận định), satisfaction (hài lòng), expectation (mong đợi), each on 1–5. */
public enum SurveyDimension { PERCEPTION, SATISFACTION, EXPECTATION }
