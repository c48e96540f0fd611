// Whether the instance is set up and whether it is a demo: asked once when the app starts (App.tsx) and
// shared by the demo banner and the sign-in page; setting up or loading the demo county invalidates it.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api';

export const setupQuery = queryOptions({ queryKey: ['setup'], queryFn: () => api.getSetup(), staleTime: Infinity });
