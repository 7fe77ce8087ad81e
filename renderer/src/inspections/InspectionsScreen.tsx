// The inspections screen: the list of reviews with a form for a new one, or one review by the URL (#/inspections/<id>).
import { useApp } from '../stores/app';
import { ReviewList } from './ReviewList';
import { ReviewScreen } from './ReviewScreen';
import './inspections.css';

export function InspectionsScreen() {
  const param = useApp((s) => s.route.param);
  return param ? <ReviewScreen reviewId={param} /> : <ReviewList />;
}
