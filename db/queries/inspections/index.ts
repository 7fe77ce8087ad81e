// The inspection queries in one import.
export { createReview, getReview, listReviews, reviseReview, scopeMeasures, findDepartment, requireEditable, type NewReview } from './reviews';
export { setVerdict, linkInspectorFiles, unlinkInspectorFile, type VerdictInput } from './verdicts';
export { reviewDetail, reviewItem, coveredNow } from './detail';
export { signReview, verifyReview, coveredHash } from './signature';
export { listRectifications, rectificationCounts, respondRectification, closeRectification, type RectificationFilter } from './rectifications';
export { inspectionEntities, ENTITY } from './entities';
export { attachInspectorPaths } from './files';
